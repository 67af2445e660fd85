namespace Repro.Tests.Reporting;

/// <summary>The report tests share one <see cref="ReportFixture"/> (it trains a model: made once).</summary>
[CollectionDefinition("report")]
public sealed class ReportCollection : ICollectionFixture<ReportFixture>
{
}
