using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

/// <summary>
/// The real portal as a separate process: the Web project's own build output, on a free local port, in the
/// Development environment (so the demo data is seeded) with a fresh data directory (SQLite file, mail, logs).
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly StringBuilder _output = new();

    private PortalServer(Process process, string dataDirectory, Uri baseUrl)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public static async Task<PortalServer> StartAsync()
    {
        var webDirectory = Path.Combine(TestPaths.RepositoryRoot, "src", "Zout.Basisondersteuning.Web");
        var dll = Environment.GetEnvironmentVariable("BROWSER_TESTS_PORTAL_DLL")
            ?? Path.Combine(webDirectory, "bin", TestPaths.Configuration, "net10.0", "Zout.Basisondersteuning.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The portal is not built: {dll} is missing. Build the solution first.");
        }

        var port = FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "zb-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");

        var info = new ProcessStartInfo("dotnet")
        {
            // The content root is the project folder: wwwroot (with the npm-installed NL Design System CSS) lives there.
            WorkingDirectory = webDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Storage__DataDirectory"] = dataDirectory;
        info.Environment["Database__ConnectionString"] = "";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Demo__Seed"] = "true";
        info.Environment["App__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/');
        // Check every signed-in cookie against its account on every request (the portal does so every 5 minutes):
        // a test that invalidates a shared demo account's sessions then fails at once, not only in a long run.
        info.Environment["Security__StampValidationSeconds"] = "0";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new PortalServer(process, dataDirectory, baseUrl);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length > 200_000) _output.Remove(0, 100_000);
            _output.AppendLine(line);
        }
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal stopped with exit code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "/health"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first request.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The portal did not become healthy within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (TimeoutException)
        {
            // Leave it; the data directory may then stay behind in /tmp.
        }

        _process.Dispose();
        try
        {
            // BROWSER_TESTS_KEEP_DATA=1 keeps the portal's database and logs for a look after the run.
            if (Environment.GetEnvironmentVariable("BROWSER_TESTS_KEEP_DATA") != "1") Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
