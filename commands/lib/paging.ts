import { checkPageInRange, pageNumber, type Paging, type Request } from '../../src/core/index.js';

/** The requested page and its offset; the page is checked against the total later. */
export function pageOf(request: Request, pageSize: number): { page: number; offset: number } {
  const page = pageNumber(request.options.page);
  return { page, offset: (page - 1) * pageSize };
}

/** The same command line with `page:n`, for "next page" controls. */
export function commandForPage(request: Request, page: number): string {
  const words = [request.subcommand, ...request.tokens.filter((t) => t.key !== 'page').map((t) => t.raw)];
  if (page > 1) words.push(`page:${page}`);
  return words.join(' ');
}

/** Checks the page exists and builds the reply's paging, or nothing for a single page. */
export function pagingFor(request: Request, page: number, total: number, pageSize: number): Paging | undefined {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  checkPageInRange(page, pages);
  if (pages <= 1) return undefined;
  return {
    page,
    pages,
    next: page < pages ? commandForPage(request, page + 1) : null,
    prev: page > 1 ? commandForPage(request, page - 1) : null,
  };
}
