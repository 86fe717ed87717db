/** The DocumentStore: uploaded documents, checked and stored. */
@NullMarked
package io.freightgate.platform.documents;

import org.jspecify.annotations.NullMarked;
