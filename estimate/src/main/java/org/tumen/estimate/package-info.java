/** See DESIGN.md, module estimate. */
package org.tumen.estimate;
