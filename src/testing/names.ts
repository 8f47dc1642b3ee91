/** `section-47-started` → `section47Started`: the builder method for an event type. */
export type MethodName<T extends string> = T extends `${infer Head}-${infer Rest}` ? `${Head}${Capitalize<MethodName<Rest>>}` : T;

/** The run-time twin of {@link MethodName}. */
export function methodName<T extends string>(type: T): MethodName<T> {
  return type.replace(/-(.)/g, (_, c: string) => c.toUpperCase()) as MethodName<T>;
}
