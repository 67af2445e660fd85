using Xunit.Sdk;

namespace Repro.Reproduction.Tests.Snapshots;

/// <summary>A snapshot did not match its verified file (or none exists): the message holds both paths and a unified diff.</summary>
public sealed class SnapshotMismatchException(string message) : XunitException(message);
