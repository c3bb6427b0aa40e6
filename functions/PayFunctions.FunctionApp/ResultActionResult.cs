using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PayFunctions.FunctionApp;

/// <summary>Lets the Functions HTTP triggers return the <see cref="IResult"/> the shared Core handlers produce.</summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public IResult Result => result;

    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}

public static class ResultExtensions
{
    public static async Task<IActionResult> AsActionResult(this Task<IResult> result) => new ResultActionResult(await result);
}
