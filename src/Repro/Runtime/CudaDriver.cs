using System.Runtime.InteropServices;
using System.Text;

namespace Repro.Runtime;

/// <summary>Name, compute capability and memory of a CUDA device.</summary>
/// <param name="Index">Device ordinal.</param>
/// <param name="Name">Marketing name, e.g. "NVIDIA H100 80GB HBM3".</param>
/// <param name="Major">Compute capability, major.</param>
/// <param name="Minor">Compute capability, minor.</param>
/// <param name="TotalMemoryBytes">Device memory.</param>
public sealed record CudaDeviceInfo(int Index, string Name, int Major, int Minor, long TotalMemoryBytes);

/// <summary>
/// Device facts from the CUDA driver API (libcuda.so.1), which TorchSharp does not surface.
/// Used by <c>repro doctor</c> and for per-device snapshot names; absent driver → null.
/// </summary>
public static unsafe class CudaDriver
{
    private static IntPtr _lib;
    private static bool _tried;

    private static IntPtr Lib
    {
        get
        {
            if (!_tried)
            {
                _tried = true;
                if (NativeLibrary.TryLoad("libcuda.so.1", out _lib))
                {
                    var init = (delegate* unmanaged<uint, int>)NativeLibrary.GetExport(_lib, "cuInit");
                    if (init(0) != 0) _lib = IntPtr.Zero;
                }
            }
            return _lib;
        }
    }

    /// <summary>Facts about device <paramref name="index"/>, or null without a usable driver.</summary>
    public static CudaDeviceInfo? TryDescribe(int index)
    {
        try
        {
            IntPtr lib = Lib;
            if (lib == IntPtr.Zero) return null;
            var deviceGet = (delegate* unmanaged<int*, int, int>)NativeLibrary.GetExport(lib, "cuDeviceGet");
            var getName = (delegate* unmanaged<byte*, int, int, int>)NativeLibrary.GetExport(lib, "cuDeviceGetName");
            var totalMem = (delegate* unmanaged<nuint*, int, int>)NativeLibrary.GetExport(lib, "cuDeviceTotalMem_v2");
            var attribute = (delegate* unmanaged<int*, int, int, int>)NativeLibrary.GetExport(lib, "cuDeviceGetAttribute");
            int dev;
            if (deviceGet(&dev, index) != 0) return null;
            byte* name = stackalloc byte[256];
            if (getName(name, 256, dev) != 0) return null;
            nuint bytes;
            if (totalMem(&bytes, dev) != 0) return null;
            int major, minor;
            if (attribute(&major, 75, dev) != 0 || attribute(&minor, 76, dev) != 0) return null;
            return new CudaDeviceInfo(index, Marshal.PtrToStringUTF8((IntPtr)name) ?? "?", major, minor, (long)bytes);
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }
}
