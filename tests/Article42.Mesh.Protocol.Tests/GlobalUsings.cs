global using System.Collections.Immutable;
global using Xunit;
