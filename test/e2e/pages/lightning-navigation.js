// Test harness, served next to the Salesforce fixtures (not part of the
// extension): imitates Lightning's in-app navigation. Going to another record
// pushes a history entry without reloading, hides the current record's view
// but keeps it in the DOM (Lightning caches earlier views), and shows the new
// one; going back re-activates the cached view. The view classes follow the
// fixtures' own convention (see opportunity-cached-view.html).
(() => {
  const views = () => [...document.querySelectorAll('[data-fixture-view]')];

  function deactivate(view) {
    view.classList.remove('active', 'windowViewMode-normal');
    view.style.display = 'none';
  }

  function activate(view) {
    view.classList.add('active', 'windowViewMode-normal');
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
      const current = views().find((candidate) => candidate.classList.contains('active'));
      (current?.parentElement ?? document.body).append(view);
    }
    for (const other of views()) if (other !== view) deactivate(other);
    activate(view);
  }

  // Each view remembers the path it belongs to, so back/forward can find it again.
  const first = views().find((candidate) => candidate.classList.contains('active'));
  if (first) first.dataset.fixtureView = location.pathname;

  window.__lightningNavigate = async (path) => {
    history.pushState({ path }, '', path);
    await show(path);
  };
  window.addEventListener('popstate', () => void show(location.pathname));
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="/lightning/r/"]') : null;
    if (!link) return;
    event.preventDefault();
    void window.__lightningNavigate(link.getAttribute('href'));
  });
})();
