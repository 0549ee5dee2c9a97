// @ts-check
/**
 * Showing an authenticator set-up, shared by the patient app and the staff accounts pages:
 * the server-made QR code as an image, and the key grouped for typing by hand.
 */

/**
 * An <img> showing server-made QR code SVG (a data: URL, so no markup enters the page).
 * @param {string} svg
 * @param {string} alt
 * @returns {HTMLImageElement}
 */
export function qrImage(svg, alt) {
  const bytes = new TextEncoder().encode(svg);
  const img = document.createElement("img");
  img.className = "qr";
  img.src = `data:image/svg+xml;base64,${btoa(String.fromCharCode(...bytes))}`;
  img.alt = alt;
  img.width = 208;
  img.height = 208;
  return img;
}

/**
 * The secret in groups of four, easier to copy into an app by hand.
 * @param {string} secret
 */
export function groupedKey(secret) {
  return String(secret).replace(/(.{4})/g, "$1 ").trim();
}
