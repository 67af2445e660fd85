namespace Repro.Data;

/// <summary>
/// What the header walk learns about an image's data, for <see cref="ImageDataCheck"/> to hold the declared
/// size against it.
/// </summary>
/// <param name="JpegFrameCode">JPEG: the frame marker's code (0xC0 baseline, 0xC1 extended, 0xC2 progressive, …); 0 for PNG.</param>
/// <param name="JpegEntropyBytes">JPEG: bytes of entropy-coded data in all scans (stuffed bytes and restart markers included).</param>
/// <param name="JpegBlocks">JPEG: the 8x8 blocks the declared size needs over all components; 0 when unknown.</param>
/// <param name="PngInterlaced">PNG: Adam7-interlaced.</param>
internal sealed record ImageDataFacts(byte JpegFrameCode, long JpegEntropyBytes, long JpegBlocks, bool PngInterlaced);
