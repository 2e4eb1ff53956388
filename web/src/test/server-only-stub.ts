// Vitest stands in for the server: the real package throws outside a server bundle.
export {};
