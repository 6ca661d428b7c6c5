import { ERROR_CODES, UserError } from './errors.js';

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** Reads `page:` (1-based); an out-of-range page is a user error, not an empty reply. */
export function pageNumber(option: string | undefined): number {
  if (option === undefined) return 1;
  const n = Number(option);
  if (!Number.isInteger(n) || n < 1) {
    throw new UserError(ERROR_CODES.BAD_OPTION, `\`page:\` takes a page number such as 2, not \`${option.slice(0, 20)}\`.`);
  }
  return n;
}

export function checkPageInRange(page: number, pages: number): void {
  if (page > 1 && page > pages) {
    throw new UserError(ERROR_CODES.BAD_OPTION, `There ${pages === 1 ? 'is only 1 page' : `are only ${pages} pages`}.`, 'Ask for `page:1`.');
  }
}

/** Slices an in-memory list into one page. */
export function paginate<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  checkPageInRange(page, pages);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pages, total: items.length };
}
