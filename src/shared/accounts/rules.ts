/**
 * The limits of an account's fields, one source for the server's validation and the client's
 * check before sending (which says the same limits in the person's language).
 */
export const PASSWORD_LENGTH = { min: 8, max: 200 } as const;
export const NAME_LENGTH = { min: 1, max: 100 } as const;
export const LOGIN_PATTERN = /^[a-zA-Z0-9._@-]{3,64}$/;

export const passwordLengthOk = (password: string) => password.length >= PASSWORD_LENGTH.min && password.length <= PASSWORD_LENGTH.max;
