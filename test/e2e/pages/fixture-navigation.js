// Test harness, served with every CRM fixture (not part of the extension):
// imitates a single-page CRM's in-app navigation. Going to another record
// pushes a history entry without reloading, hides the current record's view
// but keeps it in the DOM (Lightning caches earlier views; other CRMs replace
// them, which the extension must handle just the same), and shows the new one;
// going back re-activates the cached view. The classes toggled are
// Lightning's (see opportunity-cached-view.html); other CRMs' views are hidden
// by `display: none` alone.
(() => {
  const views = () => [...document.querySelectorAll('[data-fixture-view]')];

  const isLightning = (view) => view.classList.contains('oneContent');
  const isShown = (view) => view.style.display !== 'none' && !view.hidden;

  function deactivate(view) {
    if (isLightning(view)) view.classList.remove('active', 'windowViewMode-normal');
    view.style.display = 'none';
  }

  function activate(view) {
    if (isLightning(view)) view.classList.add('active', 'windowViewMode-normal');
    view.style.display = '';
  }

  async function show(path) {
    let view = views().find((candidate) => candidate.dataset.fixtureView === path);
    if (!view) {
      const html = await (await fetch(path)).text();
      const incoming = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-fixture-view]');
      if (!incoming) throw new Error(`no record view at ${path}`);
      incoming.dataset.fixtureView = path;
      view = document.adoptNode(incoming);
      const current = views().find(isShown);
      (current?.parentElement ?? document.body).append(view);
    }
    for (const other of views()) if (other !== view) deactivate(other);
    activate(view);
  }

  // Each view remembers the address it belongs to, so back/forward can find it again.
  const here = () => location.pathname + location.search;
  const first = views().find(isShown);
  if (first) first.dataset.fixtureView = here();

  window.__fixtureNavigate = async (path) => {
    history.pushState({ path }, '', path);
    await show(path);
  };
  window.addEventListener('popstate', () => void show(here()));
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="/lightning/r/"]') : null;
    if (!link) return;
    event.preventDefault();
    void window.__fixtureNavigate(link.getAttribute('href'));
  });
})();
