// The docs pages show docs/*.md as written. Links between those files point at files; in Storybook
// they point at the page that shows the file (`security.md` → `?path=/docs/docs-guides-security--docs`).

/** `## heading` … up to the next heading of that level: one section of a Markdown file. */
export function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`no "${heading}" in the Markdown`);
  const level = heading.split(' ')[0]!;
  const rest = markdown.slice(start + 1);
  const end = rest.slice(heading.length).search(new RegExp(`\\n${level} `));
  return end === -1 ? rest : rest.slice(0, heading.length + end + 1);
}

/** The guide pages' ids (from their titles, stories/docs/guide-*.mdx), by the Markdown file each shows. */
const PAGES: Record<string, string> = {
  'frameworks.md': 'docs-guides-frameworks--docs',
  'languages.md': 'docs-guides-languages--docs',
  'accessibility.md': 'docs-guides-accessibility--docs',
  'sandbox.md': 'docs-guides-sandbox--docs',
  'browsers.md': 'docs-guides-browsers--docs',
  'security.md': 'docs-guides-security--docs',
  'epay.md': 'docs-guides-halyk-epay--docs',
  'server.md': 'docs-guides-server-side--docs',
  'assumptions.md': 'docs-guides-assumptions--docs',
  'performance.md': 'docs-guides-performance--docs',
  'development.md': 'docs-guides-development--docs',
};

/** Links to another docs/ file become links to its page; the rest stay as they are. */
export function forStorybook(markdown: string): string {
  return markdown.replace(/\]\((?:\.\.\/)?(?:docs\/)?([\w-]+\.md)(#[\w-]+)?\)/g, (link, file: string) => {
    const page = PAGES[file];
    return page ? `](?path=/docs/${page})` : link;
  });
}
