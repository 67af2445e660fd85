using System.Runtime.InteropServices;

namespace Repro.Runtime;

/// <summary>
/// The process environment as native code sees it. On Linux, <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// changes only .NET's copy, so variables that libtorch, oneDNN, MKL or cuBLAS read with <c>getenv</c>
/// are set here through libc, before libtorch initialises.
/// </summary>
public static partial class NativeEnvironment
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);

    /// <summary>Sets <paramref name="name"/> for native code (and for .NET), overwriting any value.</summary>
    public static void Set(string name, string value)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (SetEnv(name, value, 1) != 0)
                throw new InvalidOperationException($"setenv({name}) failed (errno {Marshal.GetLastPInvokeError()})");
        }
        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>The value native code reads for <paramref name="name"/>, or null.</summary>
    public static string? Get(string name)
    {
        if (OperatingSystem.IsWindows()) return Environment.GetEnvironmentVariable(name);
        IntPtr p = GetEnv(name);
        return p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);
    }
}
