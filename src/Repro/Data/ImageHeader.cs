namespace Repro.Data;

/// <summary>What an image file's header declares, read without decoding any pixel.</summary>
/// <param name="Format">JPEG or PNG.</param>
/// <param name="Width">Declared width in pixels.</param>
/// <param name="Height">Declared height in pixels.</param>
/// <param name="BitsPerSample">Bits per sample: JPEG precision (8, 12, 16) or PNG bit depth (1–16).</param>
/// <param name="Components">JPEG: number of colour components (1 gray, 3 YCbCr/RGB, 4 CMYK/YCCK).
/// PNG: samples per pixel of the colour type (1 gray or palette, 2 gray+alpha, 3 RGB, 4 RGBA).</param>
internal sealed record ImageHeader(ImageFileFormat Format, int Width, int Height, int BitsPerSample, int Components);
