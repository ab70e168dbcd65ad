/** Where to go after logging in: only a path of this app, never another site. */
export const safeReturnPath = (value: string | null) => (value && value.startsWith('/') && !value.startsWith('//') ? value : '/');
