/*
 * Lesson Markdown to sanitized HTML, at build time, so the client ships no Markdown parser.
 * Anything the sanitizer would silently drop (raw HTML, top-level headings, non-https links)
 * is reported instead, so an author learns about it from the build and not from a learner.
 */
import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'blockquote',
    'code',
    'pre',
    'a',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'del',
  ],
  allowedAttributes: { a: ['href', 'rel'], th: ['align'], td: ['align'], ol: ['start'] },
  allowedSchemes: ['https'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
};

export type Rendered = { html: string; problems: string[]; internalLinks: string[] };

/** Links inside the app: a module or a lesson, checked against the content by the compiler. */
export const INTERNAL_LINK = /^\/modules\/([a-z0-9-]+)(?:\/lessons\/([a-z0-9-]+))?$/;

function walk(tokens: Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const children = (token as { tokens?: Token[] }).tokens;
    if (children) walk(children, visit);
    if (token.type === 'list') for (const item of (token as Tokens.List).items) walk(item.tokens, visit);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of table.header) walk(cell.tokens, visit);
      for (const row of table.rows) for (const cell of row) walk(cell.tokens, visit);
    }
  }
}

export function renderMarkdown(source: string): Rendered {
  const problems: string[] = [];
  const internalLinks: string[] = [];
  const tokens = marked.lexer(source);
  walk(tokens, (token) => {
    if (token.type === 'html') problems.push(`contains raw HTML (${token.raw.trim().slice(0, 40)}); use Markdown only`);
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 1)
      problems.push('uses a top-level "#" heading; start sections at "##"');
    if (token.type === 'link') {
      const href = (token as Tokens.Link).href;
      if (INTERNAL_LINK.test(href)) internalLinks.push(href);
      else if (!href.startsWith('https://'))
        problems.push(`links to "${href}"; only https:// links and links to /modules/<id>[/lessons/<id>] are allowed`);
    }
    if (token.type === 'image') problems.push('contains an image; lessons are text only for now');
  });
  const html = sanitizeHtml(marked.parser(tokens), ALLOWED).trim();
  return { html, problems, internalLinks };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The text of sanitized HTML, for search and word counts. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
