/** Says in words why a write failed; renders nothing while all is well. */
export function ActionError({ error, id }: { error: string | undefined; id?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className="notice notice--error" id={id}>
      {error}
    </p>
  );
}
