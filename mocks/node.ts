/** The MSW server for tests (Node). Use with `onUnhandledRequest: 'error'`. */
import { setupServer } from 'msw/node';
import { handlers } from './handlers';

export const server = setupServer(...handlers);
