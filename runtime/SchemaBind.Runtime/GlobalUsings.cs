// The runtime's own code (the transport, the JSON Schema validator) uses the helpers it keeps for generated code.
global using SchemaBind.Runtime.GeneratedCode;
