// Public surface of kubectl's JSONPath implementation.
export type { ExecuteOptions } from './jsonpath';
export {
  JsonPath,
  JsonPathError,
  jsonPathExecErrorMessage,
  jsonPathParseErrorMessage,
  parseJsonPath,
  relaxedJsonPath,
} from './jsonpath';
export type { NumberMode } from './values';
export { goSprint, goJson } from './gofmt';
