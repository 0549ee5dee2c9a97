// @ts-check
/**
 * Why a call was refused, in the catalogue's words, for all three apps: each field named
 * plainly where we can (the rule itself is the server's). Kept apart from api.js because
 * the service worker imports that, and a worker has no catalogue to wait for.
 */
import { t } from "./words.js";

/**
 * @param {import("./api.js").Problem | null | undefined} problem
 * @returns {string}
 */
export function reasonOf(problem) {
  if (!problem || typeof problem !== "object") return t("problem.failed");
  if (problem.code === "no-answer") return t("problem.no_answer");
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length > 0) {
    return errors.map((e) => {
      const name = String(e.field || "").split(".").map((part) => `problem.field.${part}`)
        .filter((key) => t(key) !== key).map((key) => t(key)).pop();
      return name ? t("problem.named", { name, field: e.field, rule: e.rule })
        : t("problem.unnamed", { field: e.field, rule: e.rule });
    }).join(t("problem.joiner"));
  }
  return String(problem.detail || problem.title || t("problem.failed"));
}
