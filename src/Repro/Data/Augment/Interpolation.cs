namespace Repro.Data.Augment;

/// <summary>How a geometric transform reads the source image between pixel centres.</summary>
public enum Interpolation
{
    /// <summary>Nearest pixel (torchvision's default for rotation; PIL's NEAREST).</summary>
    Nearest,
    /// <summary>Bilinear (torchvision's default for perspective and resized crop).</summary>
    Bilinear,
}
