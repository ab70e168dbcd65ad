// Calendar days in São Paulo for the period pickers (YYYY-MM-DD, as the graph takes them).
export const todayInSaoPaulo = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(now);
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const startOfMonth = (day: string) => `${day.slice(0, 8)}01`;
