import { capitalize } from "../../metadata/names.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";

/** Twenty's generated names (§2.2, §2.4): `Company`, `companies`, `createCompanies`, `mergePeople`. */
export const typeNameOf = (object: ObjectMetadata) => capitalize(object.nameSingular);

export function rootFieldNames(object: ObjectMetadata) {
  const singular = capitalize(object.nameSingular);
  const plural = capitalize(object.namePlural);
  return {
    findMany: object.namePlural,
    findOne: object.nameSingular,
    findDuplicates: `${object.nameSingular}Duplicates`,
    groupBy: `${object.namePlural}GroupBy`,
    createOne: `create${singular}`,
    createMany: `create${plural}`,
    updateOne: `update${singular}`,
    updateMany: `update${plural}`,
    deleteOne: `delete${singular}`,
    deleteMany: `delete${plural}`,
    destroyOne: `destroy${singular}`,
    destroyMany: `destroy${plural}`,
    restoreOne: `restore${singular}`,
    restoreMany: `restore${plural}`,
    mergeMany: `merge${plural}`,
  };
}

/** Objects served by the workspace API: active ones. */
export const servedObjects = (objects: readonly ObjectMetadata[]) => objects.filter((object) => object.isActive);
