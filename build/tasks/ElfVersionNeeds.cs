// Reads and edits the symbol-version requirements (.gnu.version_r) of an ELF64 little-endian shared
// library. Compiled twice: into the MSBuild inline task below (build/GlibcxxCompat.targets) and into
// the Repro library (REPRO_LIBRARY), where `repro doctor` uses it to report whether the step ran.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Repro.Build
{
    /// <summary>One version requirement (Vernaux entry) of an ELF file.</summary>
    public sealed class ElfVersionNeed
    {
        /// <summary>Creates a requirement record.</summary>
        public ElfVersionNeed(string file, string version, ushort flags, long flagsOffset)
        {
            File = file; Version = version; Flags = flags; FlagsOffset = flagsOffset;
        }
        /// <summary>The library that must provide the version (e.g. libstdc++.so.6).</summary>
        public string File { get; }
        /// <summary>The version name (e.g. GLIBCXX_3.4.32).</summary>
        public string Version { get; }
        /// <summary>vna_flags; bit 0x2 is VER_FLG_WEAK.</summary>
        public ushort Flags { get; }
        /// <summary>Byte offset of vna_flags in the file.</summary>
        public long FlagsOffset { get; }
        /// <summary>True when a missing version is tolerated by the dynamic loader.</summary>
        public bool IsWeak => (Flags & ElfVersionNeeds.VerFlagWeak) != 0;
    }

    /// <summary>What <see cref="ElfVersionNeeds.MarkWeak"/> did.</summary>
    public enum WeakenOutcome
    {
        /// <summary>The requirement was strong and is now weak.</summary>
        Weakened,
        /// <summary>The requirement was already weak; the file was not touched.</summary>
        AlreadyWeak,
        /// <summary>The file does not require that version; the file was not touched.</summary>
        NotRequired,
    }

    /// <summary>ELF version-section reader and the VER_FLG_WEAK edit.</summary>
    public static class ElfVersionNeeds
    {
        /// <summary>VER_FLG_WEAK from elf.h.</summary>
        public const ushort VerFlagWeak = 0x2;
        const uint ShtGnuVerdef = 0x6ffffffd;
        const uint ShtGnuVerneed = 0x6ffffffe;

        /// <summary>Every version requirement in <paramref name="elf"/> (empty when it has none).</summary>
        public static List<ElfVersionNeed> ReadNeeds(byte[] elf, string nameForErrors)
        {
            var result = new List<ElfVersionNeed>();
            var section = FindSection(elf, ShtGnuVerneed, nameForErrors, out long strOffset);
            if (section == null) return result;
            long entry = section.Value.Offset;
            for (int i = 0; i < section.Value.Info; i++)
            {
                ushort cnt = U16(elf, entry + 2);
                string file = CString(elf, strOffset + U32(elf, entry + 4));
                long aux = entry + U32(elf, entry + 8);
                for (int j = 0; j < cnt; j++)
                {
                    ushort flags = U16(elf, aux + 4);
                    string name = CString(elf, strOffset + U32(elf, aux + 8));
                    result.Add(new ElfVersionNeed(file, name, flags, aux + 4));
                    uint nextAux = U32(elf, aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = U32(elf, entry + 12);
                if (next == 0) break;
                entry += next;
            }
            return result;
        }

        /// <summary>Every version that <paramref name="elf"/> defines (.gnu.version_d), e.g. GLIBCXX_3.4.30.</summary>
        public static HashSet<string> ReadDefinitions(byte[] elf, string nameForErrors)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            var section = FindSection(elf, ShtGnuVerdef, nameForErrors, out long strOffset);
            if (section == null) return result;
            long entry = section.Value.Offset;
            for (int i = 0; i < section.Value.Info; i++)
            {
                ushort cnt = U16(elf, entry + 6);
                long aux = entry + U32(elf, entry + 12);
                if (cnt > 0) result.Add(CString(elf, strOffset + U32(elf, aux)));
                uint next = U32(elf, entry + 16);
                if (next == 0) break;
                entry += next;
            }
            return result;
        }

        /// <summary>
        /// Sets VER_FLG_WEAK on the requirement of <paramref name="version"/> in the file at
        /// <paramref name="path"/>. The edited copy replaces the file by rename, so a hard link to a
        /// pristine file elsewhere (the NuGet cache) is never written through.
        /// </summary>
        public static WeakenOutcome MarkWeak(string path, string version)
        {
            byte[] bytes = System.IO.File.ReadAllBytes(path);
            ElfVersionNeed? need = null;
            foreach (var n in ReadNeeds(bytes, path))
                if (n.Version == version) { need = n; break; }
            if (need == null) return WeakenOutcome.NotRequired;
            if (need.IsWeak) return WeakenOutcome.AlreadyWeak;
            ushort flags = (ushort)(need.Flags | VerFlagWeak);
            bytes[need.FlagsOffset] = (byte)(flags & 0xff);
            bytes[need.FlagsOffset + 1] = (byte)(flags >> 8);
            string temp = path + ".weak-tmp";
            System.IO.File.WriteAllBytes(temp, bytes);
            System.IO.File.Replace(temp, path, null); // rename(2): the old inode (maybe a link) is untouched
            return WeakenOutcome.Weakened;
        }

        /// <summary>The system libstdc++ (first of the usual Linux locations), or null.</summary>
        public static string? FindSystemLibStdCxx()
        {
            string[] candidates =
            {
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6",
                "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
            };
            foreach (var c in candidates)
                if (System.IO.File.Exists(c)) return c;
            return null;
        }

        struct Section { public long Offset; public long Size; public uint Link; public uint Info; }

        static Section? FindSection(byte[] elf, uint type, string name, out long linkedStrOffset)
        {
            linkedStrOffset = 0;
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException($"{name}: not an ELF file");
            if (elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException($"{name}: only 64-bit little-endian ELF is supported");
            long shoff = (long)U64(elf, 0x28);
            ushort shentsize = U16(elf, 0x3A);
            ushort shnum = U16(elf, 0x3C);
            if (shoff <= 0 || shentsize < 64 || shoff + (long)shnum * shentsize > elf.Length)
                throw new InvalidDataException($"{name}: truncated or malformed ELF section table");
            for (int i = 0; i < shnum; i++)
            {
                long sh = shoff + (long)i * shentsize;
                if (U32(elf, sh + 4) != type) continue;
                var s = new Section
                {
                    Offset = (long)U64(elf, sh + 0x18),
                    Size = (long)U64(elf, sh + 0x20),
                    Link = U32(elf, sh + 0x28),
                    Info = U32(elf, sh + 0x2C),
                };
                long strSh = shoff + (long)s.Link * shentsize;
                linkedStrOffset = (long)U64(elf, strSh + 0x18);
                if (s.Offset + s.Size > elf.Length || linkedStrOffset >= elf.Length)
                    throw new InvalidDataException($"{name}: version section points outside the file");
                return s;
            }
            return null;
        }

        static ushort U16(byte[] b, long o) => (ushort)(b[o] | b[o + 1] << 8);
        static uint U32(byte[] b, long o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        static ulong U64(byte[] b, long o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;

        static string CString(byte[] b, long o)
        {
            long end = o;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)o, (int)(end - o));
        }
    }

#if !REPRO_LIBRARY
    /// <summary>
    /// MSBuild task: marks the requirement on <see cref="Version"/> weak in each of <see cref="Files"/>
    /// when the host's libstdc++ does not define it (Mode=auto), always (Mode=always), or never.
    /// </summary>
    public sealed class WeakenElfVersionNeed : Microsoft.Build.Utilities.Task
    {
        /// <summary>The ELF files to edit in place (output copies, never the NuGet cache).</summary>
        [Microsoft.Build.Framework.Required] public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();
        /// <summary>The version requirement to weaken, e.g. GLIBCXX_3.4.32.</summary>
        [Microsoft.Build.Framework.Required] public string Version { get; set; } = "";
        /// <summary>auto (only where the host lacks the version), always, or never.</summary>
        public string Mode { get; set; } = "auto";

        /// <inheritdoc />
        public override bool Execute()
        {
            if (Mode == "never" || Files.Length == 0) return true;
            if (Mode == "auto")
            {
                string? host = ElfVersionNeeds.FindSystemLibStdCxx();
                if (host == null) { Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "No system libstdc++ found; GLIBCXX step skipped."); return true; }
                if (ElfVersionNeeds.ReadDefinitions(System.IO.File.ReadAllBytes(host), host).Contains(Version))
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, $"{host} defines {Version}; GLIBCXX step not needed.");
                    return true;
                }
            }
            else if (Mode != "always")
            {
                Log.LogError($"ReproGlibcxxStep='{Mode}' is not known: use auto, always or never.");
                return false;
            }
            foreach (var item in Files)
            {
                try
                {
                    var outcome = ElfVersionNeeds.MarkWeak(item.ItemSpec, Version);
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"GLIBCXX step: {item.ItemSpec}: {Version} {outcome}");
                }
                catch (Exception e)
                {
                    Log.LogError($"GLIBCXX step failed on {item.ItemSpec}: {e.Message}");
                    return false;
                }
            }
            return true;
        }
    }
#endif
}
