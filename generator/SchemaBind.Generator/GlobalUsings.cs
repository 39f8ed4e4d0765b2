// The namespaces nearly every file of the generator uses; a file names the others it needs itself.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using SchemaBind.Generator.Model;
