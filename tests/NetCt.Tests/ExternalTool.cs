using System.ComponentModel;
using System.Diagnostics;

namespace NetCt.Tests;

/// <summary>
/// Runs a program the tests judge netct's files by (groff, promtool, bash, the C compiler) and
/// collects what it printed. A missing program fails the test with the way to install it: the tool
/// is the judge, so a test without it proves nothing.
/// </summary>
internal static class ExternalTool
{
    /// <summary>What a run printed, and how it ended.</summary>
    public readonly record struct Result(int ExitCode, string Output, string Errors);

    /// <summary>
    /// Compiles <paramref name="source"/> with the C compiler (<c>cc -std=gnu11 -Wall</c>) in a
    /// directory of its own, runs the program, and removes the directory.
    /// </summary>
    /// <param name="source">A C program.</param>
    /// <param name="whenItFails">What a failure to compile most likely means and how to mend it.</param>
    /// <param name="input">Written to the program's standard input, as in <see cref="Run"/>.</param>
    public static Result RunC(string source, string whenItFails, string? input = null)
    {
        string directory = Directory.CreateTempSubdirectory("netct-c-").FullName;
        try
        {
            string file = Path.Combine(directory, "program.c");
            string program = Path.Combine(directory, "program");
            File.WriteAllText(file, source);
            Result compiled = Run("cc", ["-std=gnu11", "-Wall", "-o", program, file], whenItFails);
            if (compiled.ExitCode != 0)
            {
                throw new InvalidOperationException($"cc could not compile the program. {whenItFails}\n{compiled.Output}{compiled.Errors}");
            }

            return Run(program, [], whenItFails, input);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <param name="program">The program (found on PATH) or its path.</param>
    /// <param name="arguments">Its arguments, each passed as one word.</param>
    /// <param name="installHint">How to get the program, for the message when it is missing.</param>
    /// <param name="input">Written to its standard input, which is then closed; null leaves stdin alone.</param>
    public static Result Run(string program, IEnumerable<string> arguments, string installHint, string? input = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run '{program}' ({e.Message}): {installHint}", e);
        }

        using (process)
        {
            // Both pipes read while the input is written: a program that fills one while the other
            // is read, or that answers before it has read all its input, would block otherwise.
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }
            process.WaitForExit();
            return new Result(process.ExitCode, output.Result, errors.Result);
        }
    }
}
