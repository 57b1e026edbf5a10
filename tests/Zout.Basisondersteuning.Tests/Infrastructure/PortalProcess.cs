using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// The built portal started as a real process (as the browser tests do), for what only separate processes show: several
/// instances on one database, a process killed mid-request. Development environment with the demo data by default, on a
/// free loopback port, with its own data folder; stopped (the whole process tree) on dispose.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];
    private readonly Lock _lock = new();

    private PortalProcess(Process process, string dataDirectory, Uri baseUrl)
    {
        _process = process;
        DataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, Web.Infrastructure.Database.DatabaseOptions.SqliteFileName);

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_lock) return _output.ToString();
        }
    }

    /// <summary>Starts the portal; <paramref name="settings"/> are environment variables (Database__ConnectionString, Demo__Seed, ...).</summary>
    public static async Task<PortalProcess> StartAsync(IDictionary<string, string>? settings = null, string? dataDirectory = null)
    {
        var webDirectory = Path.Combine(TestFiles.RepositoryRoot, "src", "Zout.Basisondersteuning.Web");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(webDirectory, "bin", configuration, "net10.0", "Zout.Basisondersteuning.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"The portal is not built: {dll} is missing.");

        var port = FreePort();
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "zb-process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var info = new ProcessStartInfo("dotnet")
        {
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
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Database__ConnectionString"] = "";
        info.Environment["App__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/');
        info.Environment["Demo__PublishDocuments"] = "false";
        info.Environment["Serilog__MinimumLevel__Default"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var portal = new PortalProcess(process, dataDirectory, baseUrl);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await portal.WaitUntilHealthyAsync();
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    /// <summary>An HTTP client for this instance; give the same cookie container to clients of two instances to act as one browser.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Completes when the portal's output has a line with <paramref name="text"/> (or had one already); fails after <paramref name="deadline"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan deadline)
    {
        TaskCompletionSource seen;
        lock (_lock)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal)) return;
            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
        }

        try
        {
            await seen.Task.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The portal did not log '{text}' within {deadline.TotalSeconds} s:\n{Output}");
        }
    }

    /// <summary>Kills the process and its children at once (SIGKILL), as a crash or an out-of-memory kill would.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_lock)
        {
            if (_output.Length > 400_000) _output.Remove(0, 200_000);
            _output.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartTimeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The portal stopped with exit code {_process.ExitCode}:\n{Output}");
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

            // Polling for the port to open: nothing else tells when Kestrel listens.
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
            await KillAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already gone, or it will be.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the OS's temp clean-up.
        }
    }
}
