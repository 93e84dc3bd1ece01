import { useCallback } from 'react';
import { useNavigate, type To } from 'react-router';

/**
 * Moves to another page of the app from code (after a form succeeded, an in-lesson link).
 * Under BrowserRouter navigating is synchronous; the type allows a promise (data routers),
 * whose failure the route's own error page shows, so nothing is left to handle here.
 */
export function useGoTo(): (to: To) => void {
  const navigate = useNavigate();
  return useCallback(
    (to: To) => {
      Promise.resolve(navigate(to)).catch(() => undefined);
    },
    [navigate],
  );
}
