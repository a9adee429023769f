export { paginate, paginateItems } from './paginate.js';
export type { CursorRequest, PaginateOptions } from './paginate.js';
