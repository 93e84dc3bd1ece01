/*
 * Lesson Markdown to sanitized HTML, at build time, so the client ships no Markdown parser.
 * Anything the sanitizer would silently drop (raw HTML, top-level headings, non-https links)
 * is reported instead, so an author learns about it from the build and not from a learner.
 */
import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { ResolvedMedia } from './media';
import { IMAGE_SIZES } from './raster';
import type { ProblemDetail } from './problems';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The browser's own player with captions in the lesson's language, and a link to them as a transcript. */
function player({ url, recording }: Required<Pick<ResolvedMedia, 'url' | 'recording'>>, title: string): string {
  const name = escapeAttribute(title);
  const track = `<track kind="captions" src="${recording.captions}" srclang="${recording.srclang}" label="${escapeAttribute(recording.label)}" default>`;
  const transcript = escapeAttribute(recording.transcript.replace('{{title}}', title));
  return `<${recording.kind} controls preload="metadata" aria-label="${name}" src="${url}">${track}</${recording.kind}> <a href="${recording.captions}">${transcript}</a>`;
}

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
    'img',
    'video',
    'audio',
    'track',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
    video: ['src', 'controls', 'preload', 'aria-label'],
    audio: ['src', 'controls', 'preload', 'aria-label'],
    track: ['kind', 'src', 'srclang', 'label', 'default'],
  },
  allowedSchemes: ['https'],
  selfClosing: [...sanitizeHtml.defaults.selfClosing, 'track'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
};

export type Rendered = {
  html: string;
  problems: ProblemDetail[];
  internalLinks: string[];
  /** Images and captions files the lesson shows: stored with the module. */
  media: string[];
  /** Video and audio files the lesson plays: stored only when the learner asks. */
  recordings: string[];
};

/** Resolves `![alt](media/x.svg)` (or a photograph) to a published image, or says what is wrong with it. */
export type ImageResolver = (reference: string) => ResolvedMedia | ProblemDetail;

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

/**
 * Renders a lesson. Images are allowed only through `resolveImage` (the module's media
 * folder), each with alt text; without a resolver a lesson is text only.
 */
export function renderMarkdown(source: string, resolveImage?: ImageResolver): Rendered {
  const problems: ProblemDetail[] = [];
  const internalLinks: string[] = [];
  const images = new Map<string, ResolvedMedia>();
  const captions = new Set<string>();
  const recordings = new Set<string>();
  const tokens = marked.lexer(source);
  walk(tokens, (token) => {
    if (token.type === 'html') problems.push({ code: 'markdownRawHtml', params: { html: token.raw.trim().slice(0, 40) } });
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 1) problems.push({ code: 'markdownTopHeading', params: {} });
    if (token.type === 'link') {
      const href = (token as Tokens.Link).href;
      if (INTERNAL_LINK.test(href)) internalLinks.push(href);
      else if (!href.startsWith('https://')) problems.push({ code: 'markdownLink', params: { href } });
    }
    if (token.type === 'image') {
      const image = token as Tokens.Image;
      const resolved: ResolvedMedia | ProblemDetail = resolveImage ? resolveImage(image.href) : { code: 'imageNotAllowed', params: {} };
      if (!image.text.trim()) problems.push({ code: 'imageNoAlt', params: { reference: image.href } });
      if (!('url' in resolved)) {
        problems.push(resolved);
        image.href = '';
      } else if (resolved.recording) {
        recordings.add(resolved.url);
        captions.add(resolved.recording.captions);
        Object.assign(token, {
          type: 'html',
          block: false,
          text: player({ url: resolved.url, recording: resolved.recording }, image.text),
        });
      } else {
        image.href = resolved.url;
        images.set(resolved.url, resolved);
      }
    }
  });
  const html = sanitizeHtml(marked.parser(tokens), {
    ...ALLOWED,
    transformTags: {
      ...ALLOWED.transformTags,
      img: (tagName, attribs) => {
        const image = images.get(attribs.src ?? '');
        if (!image) return { tagName: 'span', attribs: {} };
        const size = { width: String(image.width), height: String(image.height) };
        const srcset: Record<string, string> = image.srcset
          ? { srcset: image.srcset.map((candidate) => `${candidate.url} ${candidate.width}w`).join(', '), sizes: IMAGE_SIZES }
          : {};
        return { tagName, attribs: { src: image.url, ...srcset, alt: attribs.alt ?? '', ...size, loading: 'lazy', decoding: 'async' } };
      },
    },
  }).trim();
  return { html, problems, internalLinks, media: [...images.keys(), ...captions], recordings: [...recordings] };
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
