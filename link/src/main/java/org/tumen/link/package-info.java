/** See DESIGN.md, module link. */
package org.tumen.link;
