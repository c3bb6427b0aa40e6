// The consoles' shell: a hash router over views that render into <main>, the sign-in view while signed out, the
// navigation's current page, and signing out, by the button or when the API no longer knows the key.
import { ApiProblem, signOut, signedIn } from './api.js';
import { el, problemText, show } from './dom.js';

export function failure(problem) {
  if (problem instanceof ApiProblem) return problemText(problem.problem);
  return problem instanceof TypeError ? 'The API could not be reached.' : String(problem?.message || problem);
}

// routes: [pattern, view(match)] pairs; home: the hash signing in leads to; signInView(message, goHome): the form;
// decorate(): whatever else a console shows of the signed-in state.
export function startConsole({ routes, home, signInView, decorate = () => {} }) {
  // Setting another hash renders by its hashchange; the same hash needs a render of its own.
  const goHome = () => {
    if (location.hash === home) render();
    else location.hash = home;
  };

  function chrome() {
    const on = signedIn();
    document.getElementById('nav').hidden = !on;
    document.getElementById('sign-out').hidden = !on;
    decorate(on);
    for (const link of document.querySelectorAll('#nav a')) {
      if (location.hash.startsWith(link.getAttribute('href'))) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  async function render() {
    chrome();
    if (!signedIn()) {
      signInView(undefined, goHome);
      return;
    }
    const route = routes.find(([pattern]) => pattern.test(location.hash));
    if (!route) {
      location.hash = home;
      return;
    }
    try {
      await route[1](location.hash.match(route[0]));
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.status === 401) {
        signOut();
        chrome();
        signInView(failure(problem), goHome);
        return;
      }
      show(el('h1', {}, 'Something went wrong'), el('p', { class: 'error', role: 'alert' }, failure(problem)));
    }
  }

  document.getElementById('sign-out').addEventListener('click', () => {
    signOut();
    history.replaceState(null, '', location.pathname);
    render();
  });
  window.addEventListener('hashchange', render);
  render();
}
