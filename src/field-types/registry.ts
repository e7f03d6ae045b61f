import type { FieldType } from "../metadata/types.ts";
import { arrayType } from "./array.ts";
import { booleanType } from "./boolean.ts";
import type { CompositeTypeDefinition } from "./composite.ts";
import { actorType } from "./composites/actor.ts";
import { addressType } from "./composites/address.ts";
import { currencyType } from "./composites/currency.ts";
import { emailsType } from "./composites/emails.ts";
import { fullNameType } from "./composites/full-name.ts";
import { linksType } from "./composites/links.ts";
import { phonesType } from "./composites/phones.ts";
import { richTextType } from "./composites/rich-text.ts";
import { dateTimeType, dateType } from "./date.ts";
import { filesType } from "./files.ts";
import type { FieldTypeDefinition } from "./field-type.ts";
import { numberType, numericType, positionType } from "./number.ts";
import { rawJsonType } from "./raw-json.ts";
import { relationType } from "./relation.ts";
import { multiSelectType, selectType } from "./select.ts";
import { textType } from "./text.ts";
import { tsVectorType } from "./ts-vector.ts";
import { uuidType } from "./uuid.ts";

const composites = [currencyType, fullNameType, addressType, linksType, emailsType, phonesType, actorType, richTextType];

const definitions: FieldTypeDefinition[] = [
  textType,
  numberType,
  positionType,
  numericType,
  booleanType,
  dateTimeType,
  dateType,
  uuidType,
  rawJsonType,
  filesType,
  arrayType,
  selectType,
  multiSelectType,
  tsVectorType,
  relationType,
  ...composites,
];

const byType = new Map<FieldType, FieldTypeDefinition>();
for (const definition of definitions) for (const type of definition.types) byType.set(type, definition);

export function fieldTypeDefinition(type: FieldType): FieldTypeDefinition {
  const definition = byType.get(type);
  if (!definition) throw new Error(`no field type module for ${type}`);
  return definition;
}

export function compositeDefinition(type: FieldType): CompositeTypeDefinition | undefined {
  return composites.find((composite) => composite.types.includes(type));
}

export function isCompositeType(type: FieldType): boolean {
  return compositeDefinition(type) !== undefined;
}
