namespace Repro.Data;

/// <summary>The encoded formats the loader reads.</summary>
internal enum ImageFileFormat
{
    /// <summary>JPEG (baseline or progressive, 8-bit, 1 or 3 components).</summary>
    Jpeg,
    /// <summary>PNG (any 8-bit-or-less colour type).</summary>
    Png,
}
