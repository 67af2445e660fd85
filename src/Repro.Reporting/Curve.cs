namespace Repro.Reporting;

/// <summary>A curve as two coordinate arrays of equal length.</summary>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates.</param>
public sealed record Curve(double[] X, double[] Y);
