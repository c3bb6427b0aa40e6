'use strict';

// The page names its description in data-spec, so one script serves both references and the page needs no inline script.
// The public validator badge would send the description to another origin: it is off.
(() => {
  const root = document.getElementById('reference');
  window.SwaggerUIBundle({
    url: root.dataset.spec,
    domNode: root,
    validatorUrl: null,
    deepLinking: true,
    defaultModelsExpandDepth: 0,
  });
})();
