package io.scanwatch.policy.web;

import io.scanwatch.support.web.ProblemExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** policy-service's problem answers: the shared ones, which cover everything its API raises. */
@RestControllerAdvice
class ApiProblemHandler extends ProblemExceptionHandler {}
