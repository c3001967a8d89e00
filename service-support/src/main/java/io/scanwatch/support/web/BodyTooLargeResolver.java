package io.scanwatch.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers 413 when a controller, or a converter reading its {@code @RequestBody}, read past the
 * limit of {@link BodyLimitFilter}. Spring wraps that failure (in {@code
 * HttpMessageNotReadableException}, itself wrapping Jackson's I/O exception), which a service's
 * advice would answer 400; this resolver runs before the advice and looks through the causes.
 */
class BodyTooLargeResolver implements HandlerExceptionResolver, Ordered {

  private final EdgeAnswers answers;

  BodyTooLargeResolver(EdgeAnswers answers) {
    this.answers = answers;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
    if (tooLarge == null || response.isCommitted()) {
      return null;
    }
    try {
      BodyLimitFilter.refuse(request, response, tooLarge.maxBytes(), answers);
    } catch (IOException e) {
      // The client is gone: there is no one left to tell.
    }
    return new ModelAndView();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
