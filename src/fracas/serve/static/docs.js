// The OpenAPI docs, from the locally installed swagger-ui-dist (no CDN, no inline script).
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
