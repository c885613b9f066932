// Never arrives: held by msw, so the page's load event never fires. A URL no story lets load,
// so no cache can hand it over without asking the worker (as it would the sandbox page's script).
document.body.textContent = 'This script is held; a story showing this text is broken.';
