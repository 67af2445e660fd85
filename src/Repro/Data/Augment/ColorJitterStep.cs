namespace Repro.Data.Augment;

/// <summary>The four steps of <see cref="ColorJitter"/>, in torchvision's numbering.</summary>
public enum ColorJitterStep
{
    /// <summary>Scale by a factor.</summary>
    Brightness = 0,
    /// <summary>Blend with the mean grey level.</summary>
    Contrast = 1,
    /// <summary>Blend with the grey image.</summary>
    Saturation = 2,
    /// <summary>Shift the hue.</summary>
    Hue = 3,
}
