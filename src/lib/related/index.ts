export {
  computeRelated,
  createRelatedIndex,
  DEFAULT_RELATED_OPTIONS,
  type FieldWeights,
  type RelatedArticle,
  type RelatedIndex,
  type RelatedOptions,
  type RelatedScore,
  type RelatedWeights,
} from "./related.ts";
export { stemFrench } from "./stem.ts";
export { foldText, stripMarkup, tokenize } from "./tokenize.ts";
