/** Settings a new content takes when the request names none (from OPENAI_DEFAULT_MODEL). */
export abstract class GenerationDefaults {
  abstract readonly defaultModel: string;
}
