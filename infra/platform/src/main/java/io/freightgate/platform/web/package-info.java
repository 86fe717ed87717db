/** Web plumbing every module shares: the Content-Security-Policy and its violation reports, request ids. */
@NullMarked
package io.freightgate.platform.web;

import org.jspecify.annotations.NullMarked;
