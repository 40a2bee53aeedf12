import { InferencePipelineError } from '../errors.js';

/** One thing wrong with a scoring request, tied to the field at fault. */
export interface RequestProblem {
  /** JSON path of the field at fault, e.g. `rows[2].revenue_90d` or `entityId`. */
  field: string;
  /** One sentence: what is wrong and what to send instead. */
  message: string;
}

/**
 * A scoring request does not match the model's signature (missing or unknown features, wrong types, NaN or
 * infinite numbers, an empty batch): nothing was scored. `.problems` lists each field at fault, at most 20.
 */
export class InvalidRequestError extends InferencePipelineError {
  override name = 'InvalidRequestError';
  readonly problems: RequestProblem[];
  constructor(problems: RequestProblem[], options?: ErrorOptions) {
    const shown = problems.slice(0, 3).map((p) => `${p.field}: ${p.message}`);
    const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
    super(`${shown.join('; ')}${more}`, options);
    this.problems = problems;
  }
}

/** The online store holds no (unexpired) features for these entities: nothing was scored. */
export class EntityNotFoundError extends InferencePipelineError {
  override name = 'EntityNotFoundError';
  /** The entity ids that were not found, as sent. */
  readonly entityIds: (string | number)[];
  constructor(view: string, entityIds: (string | number)[], options?: ErrorOptions) {
    const list = entityIds
      .slice(0, 5)
      .map((id) => `\`${id}\``)
      .join(', ');
    super(
      `no online features for entity ${list}${entityIds.length > 5 ? ` and ${entityIds.length - 5} more` : ''} in feature view \`${view}\`; check the id, or send the features in the body`,
      options,
    );
    this.entityIds = entityIds;
  }
}

/** No model is loaded yet (the server is starting, or the first load failed): retry once `/ready` is 200. */
export class ModelNotReadyError extends InferencePipelineError {
  override name = 'ModelNotReadyError';
}
