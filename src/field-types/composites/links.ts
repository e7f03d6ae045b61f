import { compositeType } from "../composite.ts";
import { normalizeSecondaryLinks, normalizeUrl } from "../inputs/links.ts";

export const linksType = compositeType(
  "LINKS",
  [
    { name: "primaryLinkLabel", kind: "TEXT", defaultValue: "''" },
    { name: "primaryLinkUrl", kind: "TEXT", defaultValue: "''", isUniquePart: true, searchable: true },
    { name: "secondaryLinks", kind: "RAW_JSON", defaultValue: null, emptyJson: "[]" },
  ],
  (value, key) => {
    const out = { ...value };
    if ("primaryLinkUrl" in out) out.primaryLinkUrl = normalizeUrl(out.primaryLinkUrl, `${key}.primaryLinkUrl`);
    if ("secondaryLinks" in out) {
      const secondary = normalizeSecondaryLinks(out.secondaryLinks, `${key}.secondaryLinks`);
      // With no primary link, the first secondary one takes its place.
      if (secondary && "primaryLinkUrl" in out && out.primaryLinkUrl === "") {
        const [first, ...rest] = secondary;
        out.primaryLinkUrl = first!.url;
        if (!out.primaryLinkLabel) out.primaryLinkLabel = first!.label;
        out.secondaryLinks = rest.length ? rest : null;
      } else out.secondaryLinks = secondary;
    }
    return out;
  },
);
