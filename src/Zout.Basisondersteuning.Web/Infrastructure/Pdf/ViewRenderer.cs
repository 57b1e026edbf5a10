using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Zout.Basisondersteuning.Web.Infrastructure.Pdf;

/// <summary>
/// Renders a Razor view to a string, inside a request or outside one (seeding, benchmarks), so the same
/// view that is shown as a page can be printed to PDF.
/// </summary>
public sealed class ViewRenderer(IRazorViewEngine viewEngine, ITempDataProvider tempDataProvider, IWebHostEnvironment environment)
{
    private readonly Dictionary<string, string> _styles = new(StringComparer.Ordinal);
    private readonly Lock _stylesLock = new();

    public async Task<string> RenderAsync<TModel>(IServiceProvider services, string viewPath, TModel model, IDictionary<string, object?>? viewData = null)
    {
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());
        var result = viewEngine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!result.Success) throw new InvalidOperationException($"View {viewPath} not found: {string.Join(", ", result.SearchedLocations)}");

        await using var writer = new StringWriter();
        var data = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        if (viewData is not null)
        {
            foreach (var (key, value) in viewData) data[key] = value;
        }

        var viewContext = new ViewContext(actionContext, result.View, data, new TempDataDictionary(httpContext, tempDataProvider), writer, new HtmlHelperOptions());
        await result.View.RenderAsync(viewContext);
        return writer.ToString();
    }

    /// <summary>A stylesheet of wwwroot, read once, to put inline in a printed document.</summary>
    public string Stylesheet(string webPath)
    {
        lock (_stylesLock)
        {
            if (_styles.TryGetValue(webPath, out var css)) return css;
            var file = environment.WebRootFileProvider.GetFileInfo(webPath);
            if (!file.Exists) throw new FileNotFoundException($"Stylesheet {webPath} not found.");
            using var reader = new StreamReader(file.CreateReadStream());
            css = reader.ReadToEnd();
            _styles[webPath] = css;
            return css;
        }
    }
}
