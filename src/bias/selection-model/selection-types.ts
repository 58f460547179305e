/** The selection functions of {@link selectionModel} (metafor's `selmodel` types). */
export const SELECTION_TYPES = Object.freeze(['stepfun', 'beta', 'halfnorm', 'negexp', 'logistic', 'power'] as const);
/** One of {@link SELECTION_TYPES}. */
export type SelectionType = (typeof SELECTION_TYPES)[number];

/** Direction of the one-sided p-values that drive selection, or two-sided (metafor's `alternative`). */
export const SELECTION_ALTERNATIVES = Object.freeze(['greater', 'less', 'two.sided'] as const);
/** One of {@link SELECTION_ALTERNATIVES}. */
export type SelectionAlternative = (typeof SELECTION_ALTERNATIVES)[number];

/** Precision measures that can scale a parametric selection function (metafor's `prec`). */
export const SELECTION_PRECISIONS = Object.freeze(['sei', 'vi'] as const);
/** One of {@link SELECTION_PRECISIONS}. */
export type SelectionPrecision = (typeof SELECTION_PRECISIONS)[number];
